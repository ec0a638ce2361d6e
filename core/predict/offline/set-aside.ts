/**
 * What a customer or agent sets aside as not the case's concern: an item or order said to be fine, or another order.
 * The product and the order-number finders both skip what these match, so they agree on what the case is about.
 */

/** "the litter came last week, no problems there", "llegó bien": unless a "but" after it brings the problem back. */
export const SAID_FINE =
  /\b(?:no problems? (?:there|with (?:that|it|those|them))|it'?s (?:all )?fine|(?:is|was|are|were|came|arrived|works?|worked) (?:all )?(?:fine|ok|okay|perfect|perfectly)|all good|nothing wrong with|llego bien|esta bien|kam (?:gut|problemlos)|ist in ordnung|est bien arrive|chegou bem|e arrivato bene|kwam goed aan)\b(?![^.!?]*\b(?:but|except|apart from|though|pero|aber|mais|mas|ma|maar)\b)/;

/** "a separate order", "otro pedido", "eine andere Bestellung": an order other than the one the case is about. */
export const OTHER_ORDER =
  /\b(?:(?:a |an |the )?(?:separate|different|other|another|previous|older|earlier|second) order|(?:otro|otra|el otro) pedido|andere(?:n|r)? bestellung|autre commande|outr[oa] (?:pedido|encomenda)|altro ordine|andere bestelling)\b/;
