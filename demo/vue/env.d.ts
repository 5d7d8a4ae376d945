// tsc does not read single-file components; vue-tsc (or Volar in an editor) checks App.vue's
// template against licence-kit/vue's GlobalComponents.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
