/**
 * The committed model file the extractive engine answers with unless a caller gives its own, as `why` names it. A
 * module of its own, so wiring can name the engine's model without loading the engine.
 */
export const DEFAULT_ANSWER_MODEL_FILE = 'core/engines/extractive/answer-model.json';
