import { site } from '$lib/server/site';

export const load = () => ({ story: site().data });
