// Progress messages (stderr, so stdout holds only the tables) and the list of things found broken.

/** Problems that mean something is broken (not slow): any of them makes the exit code 1. @type {string[]} */
export const broken = [];

/** @param {...unknown} parts */
export const log = (...parts) => console.error('[bench]', ...parts);

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
