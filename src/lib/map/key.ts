import { LAYERS, type LayerDef } from '$lib/layers/registry';
import type { FeatureInfo } from '$lib/story/types';
import { describeMap, englishList, type Description } from './describe';
import type { MapView, PlaceView } from './types';
import { KEY_BOX, pictureFurniture, type PictureShape } from './frame';
import { isClose } from './overview';
import type { Padding } from './state.svelte';

/**
 * What the map's key says (MapKey.svelte renders it): the layers on, the national measures on
 * them, what is highlighted and what the reader changed. One function for the live page and for
 * the pictures drawn at build, which must leave the same room for the key as the live map does.
 */
export interface KeyContent {
	title: string;
	layers: LayerDef[];
	/** The national measures on the layers that are on, as a sentence: the map draws them only while highlighted. */
	national: string | null;
	description: Description;
}

export interface KeyState {
	/** "Chapter 4 of 14: Programa Frontera Sur" */
	title: string;
	/** The chapter's own view. */
	chapter: Pick<MapView, 'layers' | 'highlight'>;
	/** The layers on now. */
	layers: readonly string[];
	year: number | null;
	/** Features drawn (the year control), or null for all. */
	only: readonly string[] | null;
}

export function keyContent(state: KeyState, data: { features: readonly FeatureInfo[]; places: readonly PlaceView[] }): KeyContent {
	const layers = LAYERS.filter((l) => state.layers.includes(l.id));
	const national = data.features
		.filter((f) => f.scope === 'national' && state.layers.includes(f.layer) && (!state.only || state.only.includes(f.id)))
		.map((f) => f.name);
	const description = describeMap(
		{ layers: state.layers, chapterLayers: state.chapter.layers, highlight: state.chapter.highlight, year: state.year, only: state.only },
		{ layers: Object.fromEntries(LAYERS.map((l) => [l.id, l.title])), features: data.features, places: data.places, list: englishList }
	);
	return { title: state.title, layers, national: national.length ? `National measures, all of Mexico: ${national.join('; ')}.` : null, description };
}

/**
 * The key's height in a layout, estimated from its text (the live map measures it; a picture
 * drawn at build cannot). Counts lines of an average character width; the wide key lists a row
 * per layer (name and meaning), then what is highlighted; the phone's is one strip of short names,
 * wrapping, over a line for the scale and the credit.
 */
export function keyHeight(content: KeyContent, layout: PictureShape): number {
	if (layout === 'wide') {
		const k = KEY_BOX.wide;
		const inner = k.width - 2 * k.padding;
		const lines = (text: string, width = inner) => Math.max(1, Math.ceil((text.length * k.charWidth) / width));
		const rows = content.layers.reduce((n, l) => n + lines(l.key ? `${l.title} — ${l.key}` : l.title, inner - k.swatch), 0) || 1;
		const state = [content.national ?? '', content.description.highlighted ?? '', content.description.changed ?? '', content.description.year ?? '']
			.filter(Boolean)
			.reduce((n, t) => n + lines(t), 0);
		return Math.ceil((lines(content.title) + rows + state + 1) * k.line + 2 * k.padding + k.border);
	}
	const k = KEY_BOX.phone;
	let rows = 1;
	let x = 0;
	for (const l of content.layers) {
		const w = k.swatch + l.short.length * k.charWidth + k.gap;
		if (x + w > k.width && x > 0) {
			rows++;
			x = 0;
		}
		x += w;
	}
	return Math.ceil((rows + 1) * k.line + 2 * k.padding + k.border);
}

/** "Chapter 4 of 14: Programa Frontera Sur": the key's title. */
export const keyTitle = (chapter: { index: number; title: string }, count: number) => `Chapter ${chapter.index + 1} of ${count}: ${chapter.title}`;

/**
 * The panels over a chapter's picture in a layout, and the padding it is framed with: the key as
 * the chapter opens (its own layers, all years), and the locator where its view is close.
 */
export function chapterFurniture(
	shape: PictureShape,
	chapter: { index: number; title: string; view: MapView },
	data: { chapters: readonly unknown[]; features: readonly FeatureInfo[]; places: readonly PlaceView[] }
): { padding: Padding; covered: [number, number, number, number][] } {
	const content = keyContent({ title: keyTitle(chapter, data.chapters.length), chapter: chapter.view, layers: chapter.view.layers, year: null, only: null }, data);
	return pictureFurniture(shape, { height: keyHeight(content, shape), located: isClose(chapter.view.bounds) });
}
