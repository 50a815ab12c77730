/**
 * A Vue 3 host: `<shouyin-checkout>` in a single-file component, its events heard with
 * `@shouyin-…`. `npm run build`, then `npx vite build demo/vue`; `npm start` serves it at
 * /demo/vue/dist/ beside the reference backend.
 */
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
