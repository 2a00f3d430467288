import { error } from '@sveltejs/kit';
import { LABEL_FACE_IDS, servedFace } from '$lib/labels/fonts.server';
import type { LabelFace } from '$lib/labels/fonts';
import { site } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

// The map's typeface, one file per face, cut at build to the letters its labels use: the live map
// draws its names from these (the style's font-faces), never from a font service.
export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => LABEL_FACE_IDS.map((face) => ({ face }));

export const GET: RequestHandler = async ({ params }) => {
	const face = params.face as LabelFace;
	if (!LABEL_FACE_IDS.includes(face)) error(404, 'No such font');
	const woff2 = await servedFace(face, site().stillMaps.labels);
	return new Response(woff2 as BodyInit, { headers: { 'content-type': 'font/woff2' } });
};
