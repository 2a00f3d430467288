import type { FeatureCollection } from 'geojson';
import type { Language } from '../i18n/languages.js';
import { faceOutlines } from './fonts.server';
import { drawnText, textWidth } from './layout';
import { labelClass, type LabelClass } from './style';

/** A name's width in pixels as MapLibre lays it out in its class: each letter's advance, no kerning. */
export function measure(text: string, cls: LabelClass): number {
	const face = faceOutlines(cls.face);
	return textWidth([...drawnText(text, cls)].map((c) => face.advance(c) / face.unitsPerEm), cls);
}

/**
 * Every label's width in one language, at rest and highlighted, rounded up to a tenth of a pixel:
 * what the live map needs to keep names inside the room it has (layout.ts), sent with the page.
 */
export function labelWidths(labels: FeatureCollection, lang: Language): Record<string, [number, number]> {
	return Object.fromEntries(
		labels.features.map((f) => {
			const p = f.properties!;
			const text = String(p[`name_${lang}`]);
			const width = (highlighted: boolean) => Math.ceil(measure(text, labelClass(String(p.kind), highlighted)) * 10) / 10;
			return [String(p.id), [width(false), width(true)]];
		})
	);
}
