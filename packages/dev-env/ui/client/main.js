// Entry of the local admin page: synthetic shadow first (as on the platform), then the page shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Shell from 'localui/shell';

const shell = createElement('localui-shell', { is: Shell });
document.getElementById('app').appendChild(shell);
