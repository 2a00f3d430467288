// Written as build/404.html, the page static hosts serve for any unknown address. It is plain
// HTML: hydrating it at an unknown address would make the router look for data that isn't there.
export const trailingSlash = 'never';
export const csr = false;
