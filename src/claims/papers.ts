/**
 * The papers the catalog cites, one constant each, so every claim of a paper cites it
 * with the same authors, title, venue and arXiv id.
 */
export const COHEN =
  'J. Cohen, S. Kaur, Y. Li, J. Z. Kolter, A. Talwalkar, "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability", ICLR 2021, arXiv 2103.00065';
export const DNL =
  'A. Damian, E. Nichani, J. D. Lee, "Self-Stabilization: The Implicit Bias of Gradient Descent at the Edge of Stability", ICLR 2023, arXiv 2209.15594';
export const ALP = 'S. Arora, Z. Li, A. Panigrahi, "Understanding Gradient Descent on Edge of Stability in Deep Learning", ICML 2022, arXiv 2205.09745';
export const WR =
  'L. Wang, S. J. Roberts, "Can Stability be Detrimental? Better Generalization through Gradient Descent Instabilities", ICLR 2025 submission (withdrawn), OpenReview zPaTnGjgpa, arXiv 2412.17613; follow-up "Training Instabilities Induce Flatness Bias in Gradient Descent", arXiv 2511.12558';
export const WXZT =
  'Y. Wang, Z. Xu, T. Zhao, M. Tao, "Good regularity creates large learning rate implicit biases: edge of stability, balancing, and catapult", arXiv 2310.17087';
export const KNSC =
  'I. Kreisler, M. Shpigel Nacson, D. Soudry, Y. Carmon, "Gradient Descent Monotonically Decreases the Sharpness of Gradient Flow Solutions in Scalar Networks and Beyond", ICML 2023, arXiv 2305.13064';
export const EPGF =
  'M. Even, S. Pesme, S. Gunasekar, N. Flammarion, "(S)GD over Diagonal Linear Networks: Implicit Bias, Large Stepsizes and Edge of Stability", NeurIPS 2023, arXiv 2302.08982';
export const LBDSG =
  'A. Lewkowycz, Y. Bahri, E. Dyer, J. Sohl-Dickstein, G. Gur-Ari, "The large learning rate phase of deep learning: the catapult mechanism", arXiv 2003.02218';
export const APP =
  'A. Agarwala, F. Pedregosa, J. Pennington, "Second-order regression models exhibit progressive sharpening to the edge of stability", ICML 2023, arXiv 2210.04860';
export const CBGA =
  'X. Chen, K. Balasubramanian, P. Ghosal, B. Agrawalla, "From Stability to Chaos: Analyzing Gradient Descent Dynamics in Quadratic Regression", arXiv 2310.01687';
export const ZWWZG =
  'X. Zhu, Z. Wang, X. Wang, M. Zhou, R. Ge, "Understanding Edge-of-Stability Training Dynamics with a Minimalist Example", ICLR 2023, arXiv 2210.03294';
