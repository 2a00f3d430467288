import type { Basis } from '$lib/content/basis';
import type { FeatureProps } from '$lib/layers/features';
import type { MapView, PlaceView } from '$lib/map/types';

export type { MapView, PlaceView };

export interface NoteView {
	number: number;
	passage: string;
	source: string;
	href: string;
	/** "Outlet, date" */
	attribution: string;
	sourceTitle: string;
}

export interface ChapterView {
	index: number;
	slug: string;
	title: string;
	when: { from: string; to: string | null; label: string };
	/** How its date is known, where no passage it cites gives the year. */
	dateBasis?: string;
	html: string;
	notes: NoteView[];
	mapText: string;
	description: string;
	view: MapView;
}

/** A thematic map feature, as the explore panel shows it: its checked properties and extras. */
export interface FeatureInfo extends FeatureProps {
	/** Where it lies, [west, south, east, north]: explore mode frames a selected feature. */
	bbox: [number, number, number, number];
	/** Figures the sources give, in their words ("78,733 in 2013"). */
	figures?: string;
	/** "rejected", "suspended", "reinstated"… */
	status?: string;
	/** The gazetteer place a feature drawn at a place stands at: its page is /places/<place>/. */
	place?: string;
	/** national (all of Mexico), region, zone or place: how the map draws it. */
	scope?: string;
	/** Its dates in words, up to the newest source (layers/period.ts). */
	period: string;
	/** What its shape is, where that shape is not the sources' (a band of our width, a place from general knowledge). */
	extent?: { text: string; basis: Basis };
}

/** A passage as the browser shows it outside the chapter text. */
export interface PassageView {
	id: string;
	source: string;
	/** The words, whitespace collapsed; rendered as text, never as HTML. */
	text: string;
	href: string;
	/** "Outlet, date" */
	attribution: string;
	speaker?: string;
	/** Our editor's note on the passage, shown marked as ours. */
	note?: string;
}

/**
 * A chapter as the pages send it to the browser: without its body (prose and notes), which
 * stands in the page's markup once (chapter-body.ts), and without its share-card description.
 * `body` is there only in development, where pages are rendered in the browser too.
 */
export type ChapterData = Omit<ChapterView, 'html' | 'notes' | 'description'> & { body?: string };

export interface StoryData {
	chapters: ChapterData[];
	places: PlaceView[];
	features: FeatureInfo[];
	/** Passages the map features cite, by id. */
	passages: Record<string, PassageView>;
	sources: SourceLink[];
	/** Each label's width in pixels in the page's language, at rest and highlighted (labels/layout.ts). */
	labelWidths: Record<string, [number, number]>;
}

export interface SourceLink {
	id: string;
	title: string;
	outlet: string | null;
	dateLabel: string;
	authors: string[];
}
