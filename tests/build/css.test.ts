/**
 * The built stylesheets use the layout's breakpoints (src/lib/layout.ts) and no custom-media name
 * is left unresolved: an unresolved `@media (--wide)` would silently never match.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEDIA } from '../../src/lib/layout';
import { BUILD, requireBuild, siteFiles } from './site';

beforeAll(requireBuild);

describe('built CSS', () => {
	it('resolves every custom media query to the layout’s own', () => {
		const css = siteFiles()
			.filter((path) => path.endsWith('.css'))
			.map((path) => readFileSync(join(BUILD, path), 'utf8'));
		expect(css.length).toBeGreaterThan(0);
		const all = css.join('\n');
		expect(all).not.toMatch(/@media[^{]*\(--/);
		// Minifiers may rewrite a range query; the breakpoint's number survives.
		const px = (query: string) => /(\d+)px/.exec(query)![1]!;
		for (const query of [MEDIA.wide, MEDIA.narrow]) expect(all, query).toContain(`${px(query)}px`);
	});
});
