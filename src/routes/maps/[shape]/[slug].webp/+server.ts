import { error } from '@sveltejs/kit';
import sharp from 'sharp';
import { PICTURES, type PictureShape } from '$lib/map/frame';
import { chapterFurniture } from '$lib/map/key';
import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

// The map panel's picture of each chapter, in the panel's own shape, drawn at build: what the
// reader sees before the live map has drawn (and instead of it without WebGL). WebP at quality 60,
// a fifth of the PNG's weight: it is the largest thing on the first screen. Flat fills and lines
// look the same as at 80 (compared at twice the size), and the files are a quarter smaller.
export const prerender = true;
export const trailingSlash = 'never';

const shapes = Object.keys(PICTURES) as PictureShape[];

export const entries: EntryGenerator = () => shapes.flatMap((shape) => site().data.chapters.map(({ slug }) => ({ shape, slug })));

export const GET: RequestHandler = async ({ params }) => {
	const { data, stillMaps } = site();
	const chapter = data.chapters.find((c) => c.slug === params.slug);
	const shape = PICTURES[params.shape as PictureShape];
	if (!chapter || !shape) error(404, 'No such picture');
	const canvas = { width: shape.width, height: shape.height, scale: shape.scale, ...chapterFurniture(params.shape as PictureShape, chapter, data) };
	const webp = await sharp(staticMapPng(chapter.view, stillMaps, canvas)).webp({ quality: 60 }).toBuffer();
	return new Response(webp as BodyInit, { headers: { 'content-type': 'image/webp' } });
};
