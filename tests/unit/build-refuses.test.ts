/**
 * Proof that the real production build (`vite build`, prerendering every page) refuses bad
 * content: a copy of the project with one broken chapter must fail to build, and the output
 * must say which file and what is wrong. The builds run side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject as copyInto } from '../../tools/project-copy.js';
import { CHAPTER_DIR, ROOT, joinChapter, splitChapter } from './real-story';

const dirs: string[] = [];

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the project in a temporary folder, sharing node_modules by a symlink. */
function copyProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'frontera-build-'));
	dirs.push(dir);
	copyInto(dir);
	return dir;
}

/** Runs `npx vite build` in `dir`; resolves with its exit code and everything it printed. */
function build(dir: string): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		execFile(
			'npx',
			['vite', 'build'],
			{ cwd: dir, timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
				resolve({ code, output: `${stdout}\n${stderr}` });
			}
		);
	});
}

/** The first chapter file (sorted) that defines passages in its frontmatter, and the first one. */
const chapterNames = readdirSync(join(ROOT, CHAPTER_DIR))
	.filter((f) => f.endsWith('.md'))
	.sort();
const citingName = chapterNames.find((f) => {
	const { data } = splitChapter(readFileSync(join(ROOT, CHAPTER_DIR, f), 'utf8'));
	return Array.isArray(data.citations) && data.citations.length > 0;
});

function editChapter(dir: string, name: string, edit: (data: Record<string, unknown>) => void, editBody = (body: string) => body) {
	const path = join(dir, CHAPTER_DIR, name);
	const { data, body } = splitChapter(readFileSync(path, 'utf8'));
	edit(data);
	writeFileSync(path, joinChapter(data, editBody(body)));
}

describe('vite build refuses bad content', () => {
	it.concurrent('fails on a quote that is not in its source, naming the chapter file and the quote', { timeout: 180_000 }, async () => {
		expect(citingName, 'no chapter defines a passage').toBeDefined();
		const dir = copyProject();
		const quote = 'Mexico built a wall of golden bricks along the Suchiate river.';
		editChapter(dir, citingName!, (data) => {
			(data.citations as { quote: string }[])[0]!.quote = quote;
		});
		const { code, output } = await build(dir);
		expect(code, output.slice(-3000)).not.toBe(0);
		expect(output).toMatch(new RegExp(`^${CHAPTER_DIR}/${citingName}:\\d+:\\d+: citations\\[0\\]\\.quote: `, 'm'));
		expect(output).toContain(`"${quote}"`);
		expect(output).toContain('not found verbatim');
	});

	it.concurrent('fails on an unknown layer id, naming the chapter file and the layer', { timeout: 180_000 }, async () => {
		const dir = copyProject();
		const name = chapterNames[0]!;
		editChapter(dir, name, (data) => {
			data.layers = [...((data.layers as string[]) ?? []), 'no-such-layer'];
		});
		const { code, output } = await build(dir);
		expect(code, output.slice(-3000)).not.toBe(0);
		expect(output).toMatch(new RegExp(`^${CHAPTER_DIR}/${name}:\\d+:\\d+: layers\\[\\d+\\]: `, 'm'));
		expect(output).toContain('unknown layer "no-such-layer"');
	});

	it.concurrent('fails on a chapter that breaks an editorial rule, naming the file, line and field', { timeout: 180_000 }, async () => {
		const dir = copyProject();
		const name = chapterNames[1]!;
		editChapter(dir, name, () => {}, (body) => `${body.trimEnd()}\n\nA claim that cites no passage at all.\n`);
		const { code, output } = await build(dir);
		expect(code, output.slice(-3000)).not.toBe(0);
		const line = new RegExp(`^${CHAPTER_DIR}/${name}:\\d+: body: paragraph \\d+ cites no passage: "A claim that cites no passage at all\\.…"$`, 'm');
		expect(output).toMatch(line);
		// Printed once, plainly: no stack trace, no second copy.
		expect(output.match(new RegExp(line.source, 'gm'))).toHaveLength(1);
		expect(output).not.toMatch(/^\s+at /m);
	});
});
