// Plain JavaScript (typed with JSDoc) so that the bench, which generates a long story, keeps to
// the same limits as the build.

/**
 * The editorial limits, each written once: the chapter schema, the story's editorial rules and
 * the README's "Adding a chapter" (checked by tests/unit/readme.test.ts) all take them from here.
 */
export const LIMITS = /** @type {const} */ ({
	/** Characters of a chapter title: it is a heading in a narrow column and a share-card title. */
	titleChars: 60,
	/** Characters of a description: search results and share cards cut longer ones. */
	descriptionChars: 300,
	/** Characters of mapText: read aloud by screen readers each time the chapter changes. */
	mapTextChars: 600,
	/** Words of our own prose in a chapter (quotes and citation tokens excluded). */
	proseWords: { min: 80, max: 220 },
	/** A run of this many words copied from a source is a copied sentence, and belongs in a quote. */
	copiedWords: 12,
	/** Citations each source gets across the whole story, at least. */
	sourceCitations: 2,
	/**
	 * Bytes of a chapter file. The longest chapter is about 5 kB; every page carries every
	 * chapter, so one oversized file would weigh on the whole site.
	 */
	chapterBytes: 20_000,
	/** The closest zoom a chapter may set. */
	maxZoom: { min: 1, max: 16 }
});
