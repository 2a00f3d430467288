import { site } from '$lib/server/site';

export const load = () => ({ groups: site().explorer.programs, view: site().explorer.overview.programs });
