/** Entry of dist/Sidebar.html (bundled by scripts/build.mjs into the page, script inline). */
import { render } from 'preact';
import './extensions';
import { App } from './app';

const root = document.getElementById('app');
if (root) render(<App />, root);
