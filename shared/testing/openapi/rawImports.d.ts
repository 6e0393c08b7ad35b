// Vite gives a `?raw` import as the file's text (vite/client declares the same; the project's
// tsconfig does not load vite's client types).
declare module '*?raw' {
  const text: string;
  export default text;
}
