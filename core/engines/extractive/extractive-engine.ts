import type { Engine } from '../../ports/engine.ts';

/** PLACEHOLDER (the engine issue replaces it): the offline, deterministic extractive engine. */
export function createExtractiveEngine(): Engine {
  return {
    name: 'extractive',
    async compose() {
      return { engine: 'extractive', status: 'refused', title: 'Not implemented', blocks: [] };
    },
  };
}
