/** For tsc, which reads no `.vue` file: vue-tsc checks those (see docs/vue.md). */
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
