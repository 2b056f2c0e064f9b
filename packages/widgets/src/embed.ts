// The script of Altitude's server-rendered embed pages (/embed/...): Lit's
// hydration support first, so the elements adopt the server's markup instead
// of rendering again, then every element, then the height reporting.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './define.js';
import { postHeightToParent } from './embed/resize.js';

postHeightToParent();
