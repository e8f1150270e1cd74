// typescript-eslint's config(): its presets and this plugin's, in one typed array.
import oidc from 'eslint-plugin-oidc';
import tseslint from 'typescript-eslint';

export default tseslint.config(...tseslint.configs.recommended, oidc.configs.recommended);
