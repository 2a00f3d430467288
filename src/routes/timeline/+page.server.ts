import { site } from '$lib/server/site';

export const load = () => ({ timeline: site().timeline });
