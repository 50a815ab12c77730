/** This build's version; a node test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
