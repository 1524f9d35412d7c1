// opencc-js ships its dictionaries as modules exporting one "T S|T S|…" string.
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
