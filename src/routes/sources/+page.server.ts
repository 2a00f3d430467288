import { sourceSummaries } from '$lib/sources/data.server';

export const load = () => ({ sources: sourceSummaries() });
