/** YYYY-MM-DD naming a real calendar day. */
export declare function date(value: string): boolean;
/** An absolute URL with a host (or a urn:). */
export declare function uri(value: string): boolean;
/** The plain http(s) URLs `uri` accepts without the URL parser. */
export declare const PLAIN_URL: RegExp;
