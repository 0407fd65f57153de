/** The few parts of mvdan-sh (mvdan/sh compiled to JavaScript) that plan-gate uses. */
declare module 'mvdan-sh' {
  export interface ShNode {
    readonly [key: string]: unknown
  }
  export interface ShParser {
    Parse(src: string, name: string): ShNode
  }
  export interface ShSyntax {
    NewParser(...options: unknown[]): ShParser
    NodeType(node: ShNode): string
    Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void
    Variant(lang: number): unknown
    readonly LangBash: number
  }
  const sh: { readonly syntax: ShSyntax }
  export default sh
}
