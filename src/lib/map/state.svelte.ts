import { getContext, setContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import { MEDIA } from '$lib/layout';
import type { FeatureRef, MapStatus, MapView } from './types';

/** Space kept clear around the framed area, in pixels: overlays (legend, caption, panels) sit there. */
export interface Padding {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/** Overlays on the map whose size decides the padding. */
export interface Overlays {
	caption?: HTMLElement;
	legend?: HTMLElement;
	explore?: HTMLElement;
}

/**
 * The one owner of the map's state: what the story asks the map to show, what the reader is
 * doing with it (exploring, selecting), the layout it is framed for, and what the map reports
 * back. Components read and write it through context; the map (StoryMap.svelte) is the only
 * part that talks to MapLibre, and it mirrors the reported state onto its container as the
 * documented attributes of contract.js.
 */
export class MapState {
	/** What the map can do: it reports this. */
	status = $state<MapStatus>('waiting');
	/** The view to show (camera, layers, highlights), and the key that names it (a chapter slug). */
	view = $state.raw<MapView>() as MapView;
	key = $state('');
	/** Jump instead of easing. */
	instant = $state(false);
	/** Explore mode: the reader pans, zooms and selects features. */
	explore = $state(false);
	selected = $state<FeatureRef | null>(null);
	/** A feature the reader points at or focuses in the explore list. */
	hovered = $state<FeatureRef | null>(null);
	/** Whether the legend panel is open. */
	legendOpen = $state(false);
	/** The year the map shows what was in force in, or null for all of the story's time. */
	year = $state<number | null>(null);

	/** Layout: wide screens put the map beside the text, phones above it. */
	readonly #wide = new MediaQuery(MEDIA.wide, true);
	/** Bumped whenever an overlay or the map itself changes size: the map re-frames. */
	layout = $state(0);
	overlays: Overlays = {};

	/** What the map reports: see contract.js. */
	idle = $state(false);
	drawn = $state('');
	moves = $state(0);
	duration = $state(-1);
	layerWrites = $state(0);
	extent = $state('');
	frame = $state('');

	constructor(view: MapView, key: string) {
		this.view = view;
		this.key = key;
	}

	get wide(): boolean {
		return this.#wide.current;
	}

	/** The story asks for a view; a new key is a new chapter, which moves the camera. */
	show(view: MapView, key: string): void {
		this.view = view;
		this.key = key;
	}

	/**
	 * Padding that keeps the framed area clear of the overlays, measured now: a camera move
	 * made right after the caption changes frames for the new caption, not the old one.
	 */
	padding(): Padding {
		const { caption, legend, explore } = this.overlays;
		const size = (el: HTMLElement | undefined, side: 'offsetWidth' | 'offsetHeight') => (el && !el.hidden ? el[side] : 0);
		const wide = this.wide;
		const padding: Padding = { top: 64, right: 32, bottom: 32, left: 32 };
		if (wide && this.legendOpen) padding.left = size(legend, 'offsetWidth') + 40;
		// On a phone the open legend spans the map's width: frame below it.
		if (!wide && this.legendOpen && legend && !legend.hidden) padding.top = Math.max(padding.top, legend.offsetTop + legend.offsetHeight + 12);
		if (wide && !this.explore) padding.bottom = size(caption, 'offsetHeight') + 36;
		if (this.explore) {
			if (wide) padding.right = size(explore, 'offsetWidth') + 40;
			else padding.bottom = size(explore, 'offsetHeight') + 16;
		}
		return padding;
	}

	/** An overlay or the map changed size. */
	relayout(): void {
		this.layout++;
	}
}

const KEY = Symbol('frontera-map');

export const setMapState = (state: MapState) => setContext(KEY, state);

export function getMapState(): MapState {
	const state = getContext<MapState | undefined>(KEY);
	if (!state) throw new Error('The map components need a MapState in context (setMapState).');
	return state;
}
