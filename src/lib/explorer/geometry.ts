import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { area, bbox, booleanPointInPolygon, featureCollection, intersect, point } from '@turf/turf';
import type { Bbox } from '$lib/content/schema';
import { frameBounds } from '$lib/map/camera';

/** How the explorer pages frame a place or a feature: as the story frames a chapter's places. */
export const frame = (features: Feature<Geometry>[]): Bbox => frameBounds(features, { minSpan: 2.5, padding: 0.08 });

type Area = Feature<Polygon | MultiPolygon>;

export const isArea = (f: Feature<Geometry>): f is Area => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';

export const pointIn = (coordinates: [number, number], f: Feature<Geometry>) => isArea(f) && booleanPointInPolygon(point(coordinates), f);

/**
 * Whether two areas share more than a sliver: 1% of the smaller. Areas that only touch (a
 * country outline and its neighbour, with the simplified shared border) do not overlap.
 */
export function overlaps(a: Feature<Geometry>, b: Feature<Geometry>): boolean {
	if (!isArea(a) || !isArea(b)) return false;
	const [aw, as, ae, an] = bbox(a);
	const [bw, bs, be, bn] = bbox(b);
	if (aw > be || bw > ae || as > bn || bs > an) return false;
	const common = intersect(featureCollection([a, b]));
	return !!common && area(common) > 0.01 * Math.min(area(a), area(b));
}

/** Whether two bounding boxes share any ground. */
export const boxesMeet = ([aw, as, ae, an]: Bbox, [bw, bs, be, bn]: Bbox) => aw <= be && bw <= ae && as <= bn && bs <= an;

export const inBox = ([x, y]: [number, number], [w, s, e, n]: Bbox) => x >= w && x <= e && y >= s && y <= n;

/** Regions (states and countries) by id. */
export function regionIndex(...collections: FeatureCollection[]): Map<string, Feature<Geometry>> {
	const out = new Map<string, Feature<Geometry>>();
	for (const c of collections) for (const f of c.features) if (typeof f.properties?.id === 'string' && f.geometry) out.set(f.properties.id, f as Feature<Geometry>);
	return out;
}
