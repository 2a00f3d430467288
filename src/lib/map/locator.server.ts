import type { FeatureCollection } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import { rewind } from '@turf/turf';
import { BASEMAP } from './palette';
import { LOCATOR } from './overview';

/**
 * The locator's map: Mexico among its neighbours, drawn once at build as a small SVG that the
 * locator (Locator.svelte) lays the view's box over. Same colours as the map, no names: at this
 * size it is a shape to recognise, and the box says where the view is.
 */
export function locatorSvg(countries: FeatureCollection): string {
	const [w, s, e, n] = LOCATOR.bounds;
	const fc = rewind(countries, { reverse: true }) as FeatureCollection;
	const projection = geoMercator().fitExtent(
		[
			[0, 0],
			[LOCATOR.width, LOCATOR.height]
		],
		{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] } }
	);
	const path = geoPath(projection);
	const shapes = fc.features
		.map((f) => {
			const mexico = f.properties?.id === 'mex';
			return `<path d="${path(f) ?? ''}" fill="${mexico ? BASEMAP.mexico : BASEMAP.land}" stroke="${mexico ? BASEMAP.highlightLine : BASEMAP.landLine}" stroke-width="${mexico ? 0.8 : 0.5}"/>`;
		})
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${LOCATOR.width}" height="${LOCATOR.height}" viewBox="0 0 ${LOCATOR.width} ${LOCATOR.height}"><rect width="100%" height="100%" fill="${BASEMAP.sea}"/>${shapes}</svg>`;
}
