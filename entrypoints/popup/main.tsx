import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/ui/base.css';
import '../../components/ui/figures.css';
import './style.css';
import { t } from '../../lib/i18n/translate';

// The page's language is the catalogue's that the browser chose, its title that catalogue's.
document.documentElement.lang = t('common_lang');
document.title = t('common_brand');
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
