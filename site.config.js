// Where the built site will live. Canonical links and share cards (og:url, og:image) must be
// absolute URLs, so a build meant for a host states the host's address here, once:
//
//   url: 'https://frontera.example.org'
//
// Left empty, every build is a preview: its pages say `noindex` and carry no canonical link or
// share URL, and the build says so when it ends. For one build, SITE_URL overrides this (a
// preview deploy on a host of its own: `SITE_URL=https://preview.example.org npm run build`;
// `SITE_URL= npm run build` builds a preview whatever is written here). See README, "Deploy".
export default {
	/** The site's address: https (or http), the host and nothing after it. '' for previews. */
	url: ''
};
