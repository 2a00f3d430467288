import { site } from '$lib/server/site';

export const load = () => ({ groups: site().explorer.places, view: site().explorer.overview.places });
