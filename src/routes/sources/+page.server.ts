import { site } from '$lib/server/site';

export const load = () => ({ sources: site().sources });
