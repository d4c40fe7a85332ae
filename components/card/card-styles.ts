import card from './card.css?inline';
import figures from '../ui/figures.css?inline';
import palette from '../ui/palette.css?inline';

/** Every style the card needs, injected once into its shadow root. */
export const CARD_CSS = `${palette}\n${figures}\n${card}`;
