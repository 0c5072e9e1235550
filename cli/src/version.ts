// The package version, bundled from package.json (only this field is kept in the bundle).
import { version } from '../../package.json';

export const TOOL_VERSION: string = version;
