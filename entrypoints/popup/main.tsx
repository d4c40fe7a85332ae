import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/ui/base.css';
import '../../components/ui/figures.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
