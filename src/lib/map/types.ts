/** A feature on the map: its id and the source (registry layer, or "states") it is drawn from. */
export interface FeatureRef {
	id: string;
	layer: string;
}

/** waiting → loading → ready | unsupported (no WebGL2) | failed */
export type MapStatus = 'waiting' | 'loading' | 'ready' | 'unsupported' | 'failed';
