import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/ui/base.css';
import '../../components/ui/figures.css';
import './style.css';
import { t } from '../../lib/i18n/translate';

// The page's language is the catalogue's that the browser chose, its title that catalogue's.
document.documentElement.lang = t('common_lang');
document.title = t('options_title');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
