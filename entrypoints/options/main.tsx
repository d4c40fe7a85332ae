import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/ui/base.css';
import '../../components/ui/figures.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
