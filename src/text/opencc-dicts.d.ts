// opencc-js ships its dictionaries as ES modules without types: each default-exports one
// dictionary as "source target|source target|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
