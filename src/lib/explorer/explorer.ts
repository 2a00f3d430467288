import type { FeatureCollection } from 'geojson';
import { placeMatcher } from '$lib/geo/names';
import type { StaticMapData } from '$lib/map/staticmap.server';
import { labelRef } from '$lib/labels/labels';
import type { MapView } from '$lib/map/types';
import type { Story } from '$lib/story/build';
import { frame, regionIndex } from './geometry';
import { placeNamings } from './matching';
import { isRegion, placeGroups, placePage, type PlaceGroup, type PlacePage } from './places';
import { programGroups, programPage, themeFeatures, type ProgramGroup, type ProgramPage } from './programs';
import { point } from '@turf/turf';

/** The explorer's pages: places and programs, built once from the story at build time. */
export interface Explorer {
	places: PlaceGroup[];
	place(id: string): PlacePage | undefined;
	programs: ProgramGroup[];
	program(id: string): ProgramPage | undefined;
	/** Still maps of every place and of every feature, for /places/ and /programs/. */
	overview: { places: MapView; programs: MapView };
	/** The still maps' data: every gazetteer place, not only the story's. */
	maps: StaticMapData;
	/** The data for one page's still map: of the thematic features, only those it names. */
	mapData(features: readonly string[]): StaticMapData;
}

export function buildExplorer(story: Story, geo: { states: FeatureCollection; countries: FeatureCollection; maps: StaticMapData }): Explorer {
	const regions = regionIndex(geo.states, geo.countries);
	const features = themeFeatures(story);
	const namings = placeNamings(story.sources, placeMatcher(story.gazetteer));
	const byId = new Map(story.gazetteer.map((p) => [p.id, p]));
	const places = new Map(story.gazetteer.map((p) => [p.id, placePage(story, p, regions, features, namings)]));
	const programs = new Map(features.map((f) => [f.props.id, programPage(story, f, byId)]));
	const points = story.gazetteer.filter((p) => !isRegion(p));
	const placesFrame = frame(points.map((p) => point(p.coordinates)));
	const thematic = [...new Set(features.map((f) => f.props.layer))];
	const maps: StaticMapData = {
		...geo.maps,
		places: story.gazetteer.map(({ id, name, kind, coordinates, within }) => ({ id, name, kind, coordinates, within }))
	};
	const thematicLayers = new Set(features.map((f) => f.props.layer));
	return {
		places: placeGroups(story.gazetteer, namings),
		place: (id) => places.get(id),
		programs: programGroups(features, story.latestSource),
		program: (id) => programs.get(id),
		overview: {
			places: { bounds: placesFrame, maxZoom: 8, layers: ['borders'], highlight: [], places: points.map((p) => p.id), labels: { highlight: [], shown: points.map(labelRef) } },
			programs: { bounds: frame(features.map((f) => f.feature)), maxZoom: 8, layers: ['borders', ...thematic], highlight: [], places: [], labels: { highlight: [], shown: [] } }
		},
		maps,
		mapData: (shown) => {
			const only = new Set(shown);
			const keep = (layer: string, c: FeatureCollection): FeatureCollection =>
				thematicLayers.has(layer) ? { ...c, features: c.features.filter((f) => only.has(String(f.properties?.id))) } : c;
			return { ...maps, features: new Map([...maps.features].map(([layer, c]) => [layer, keep(layer, c)])) };
		}
	};
}
