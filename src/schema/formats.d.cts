/** YYYY-MM-DD naming a real calendar day. */
export declare function date(value: string): boolean;
/** An absolute URL with a host (or a urn:). */
export declare function uri(value: string): boolean;
/** `uri` by the URL parser alone, without the fast path. */
export declare function parsedUri(value: string): boolean;
/** The plain http(s) URLs `uri` accepts without the URL parser. */
export declare const PLAIN_URL: RegExp;
