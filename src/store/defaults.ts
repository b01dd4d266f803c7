/** The embedded database lives here under the working directory unless --data-dir says otherwise (gitignored). */
export const DEFAULT_DATA_DIR = '.threadlens';
