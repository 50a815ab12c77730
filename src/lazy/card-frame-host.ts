/**
 * The card frame's host side: `<shouyin-card-frame>`, which the checkout renders instead of the
 * card form when `card-frame` is set. Only those cashiers load it.
 */
export { ShouyinCardFrame } from '../card-frame/card-frame.js';
