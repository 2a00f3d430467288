// Every page is prerendered to static HTML; /path/ is written as path/index.html so any
// static server can host the site without rewrite rules.
export const prerender = true;
export const trailingSlash = 'always';
