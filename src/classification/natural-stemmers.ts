/**
 * natural's Porter and Lancaster stemmers, loaded from their own files: `require('natural')` loads every module of
 * the library (its storage adapters too) and takes over a second.
 */
export interface Stemmer {
  stem(word: string): string;
}

export const PorterStemmer: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer');
export const LancasterStemmer: Stemmer = require('natural/lib/natural/stemmers/lancaster_stemmer');
