// Puts the latest tables into README.md's "## Performance" section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

const BEGIN = '<!-- bench:begin (written by npm run bench; edits between these markers are replaced) -->';
const END = '<!-- bench:end -->';

/**
 * Replaces the marked block, or a PERFORMANCE_TABLE placeholder line, or appends to the
 * section (adding the section when there is none), keeping the section's own text. Without
 * README.md, writes bench/README-performance.md instead. Returns the file written.
 * @param {string} markdown
 */
export function writeReadme(markdown) {
	const block = `${BEGIN}\n\nRaw times depend on the machine and on how busy it is; the ratios to the floor pages (the same HTML without its scripts; MapLibre alone drawing the same data) are the figures to compare between runs.\n\n${markdown.replace(/^### /gm, '#### ')}\n\n${END}`;
	const readme = join(ROOT, 'README.md');
	if (!existsSync(readme)) {
		const file = join(ROOT, 'bench/README-performance.md');
		writeFileSync(file, `## Performance\n\n${block}\n`);
		return file;
	}
	const text = readFileSync(readme, 'utf8');
	let next;
	const begin = text.indexOf('<!-- bench:begin');
	const end = text.indexOf(END);
	if (begin !== -1 && end > begin) next = text.slice(0, begin) + block + text.slice(end + END.length);
	else if (/^PERFORMANCE_TABLE[ \t]*$/m.test(text)) next = text.replace(/^PERFORMANCE_TABLE[ \t]*$/m, () => block);
	else {
		const start = text.search(/^## Performance[ \t]*$/m);
		if (start === -1) next = `${text.replace(/\s*$/, '')}\n\n## Performance\n\n${block}\n`;
		else {
			const after = text.slice(start + 1).search(/^## /m);
			const sectionEnd = after === -1 ? text.length : start + 1 + after;
			next = `${text.slice(0, sectionEnd).replace(/\s*$/, '')}\n\n${block}\n${after === -1 ? '' : '\n' + text.slice(sectionEnd)}`;
		}
	}
	writeFileSync(readme, next);
	return readme;
}
