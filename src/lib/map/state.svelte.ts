import { getContext, setContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import { MEDIA } from '$lib/layout';
import { PICTURES } from './frame';
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
	/** The controls along the top. */
	controls?: HTMLElement;
	/** The key: bottom-left on wide screens, a strip along the bottom on phones. */
	key?: HTMLElement;
	/** The locator, in close views: bottom-right. */
	locator?: HTMLElement;
	/** The layer panel, when open: at the left on wide screens, across the top on phones. */
	legend?: HTMLElement;
	/** The explore panel: at the right on wide screens, a bottom sheet on phones. */
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
	labels = $state('');
	/** The canvas's width in CSS pixels (the scale bar measures with it). */
	canvasWidth = $state(0);

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
		const { controls, key, locator, legend, explore } = this.overlays;
		const shape = PICTURES[this.wide ? 'wide' : 'phone'];
		const shown = (el: HTMLElement | undefined): el is HTMLElement => !!el && !el.hidden && el.isConnected && el.offsetParent !== null;
		/** The overlay's distance from the canvas's bottom edge to its top. */
		const fromBottom = (el: HTMLElement) => (el.offsetParent as HTMLElement).clientHeight - el.offsetTop;
		const padding: Padding = { top: shape.top, right: shape.side, bottom: shape.side, left: shape.side };
		if (shown(controls)) padding.top = Math.max(padding.top, controls.offsetTop + controls.offsetHeight + shape.margin);
		for (const el of [key, locator]) if (shown(el)) padding.bottom = Math.max(padding.bottom, fromBottom(el) + shape.margin);
		if (this.legendOpen && shown(legend)) {
			// Wide: the panel is at the left; phone: it spans the map's width, so frame below it.
			if (this.wide) padding.left = legend.offsetLeft + legend.offsetWidth + shape.margin;
			else padding.top = Math.max(padding.top, legend.offsetTop + legend.offsetHeight + shape.margin);
		}
		if (this.explore && shown(explore)) {
			if (this.wide) padding.right = (explore.offsetParent as HTMLElement).clientWidth - explore.offsetLeft + shape.margin;
			else padding.bottom = Math.max(padding.bottom, fromBottom(explore) + shape.margin);
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
