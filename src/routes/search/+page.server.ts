import { site } from '$lib/server/site';

// The names a reader may search for, suggested when a query finds nothing.
export const load = () => ({ suggestions: site().searchSuggestions });
